<h1>Conference Program</h1>

   <table class="table" style="width: 835px;"> <!--  table-hover -->
<thead>
  <tr>
    <th style="width: 100px;">Time</th>
    <th style="width: 150px;">Tuesday (June 30)</th>
    <th style="width: 230px;">Wednesday (July 1)</th>
    <th style="width: 180px;">Thursday (July 2)</th>
    <th style="width: 175px;">Friday (July 3)</th>		   
  </tr>
</thead>
<tbody>
  <tr>
    <td>08.00</td><td rowspan="2">Registration opens</td><td>Registration opens</td><td>Registration opens</td><td>Registration opens</td>
  </tr>
  <tr>
    <td>08:30-09:00</td><td>Opening session</td>
  </tr>
    <td>09.00-10.00</td><td rowspan="3" style="vertical-align: middle;">
	<a href="./tutorials#morning">Morning Tutorials</a><br/>
	<i>incl. coffee break</i></td>
    <td><a href="./invited_talks#francois">Romain Fran&ccedil;ois</a></td>
    <td><a href="./invited_talks#cook">Di Cook</a></td>
    <td><a href="./invited_talks#lumley">Thomas Lumley</a></td>
  </tr>
  <tr>
    <td>10.00-10.30</td><td></td>
    <td colspan="1"><i>Coffee break (with fruit)</i></td>
    <td><small><em>(Only 15 min break)</small></em></td>
  </tr>
  <tr>
    <td>10.30-12.00</td>
	<td>
	<b><a href="./oral_sessions#session1">Session 1</a></b><br/>
	<a href="./oral_sessions#kaleidoscope-1">Kaleidoscope 1</a> <br/> <a href="./oral_sessions#Ecology">Ecology</a> <br/> <a href="./oral_sessions#Networks">Networks</a> <br/> 
	<a href="./oral_sessions#Reproducibility">Reproducibility</a> <br/> <a href="./oral_sessions#Interfacing">Interfacing</a>
	</td>
	<td>
	<b><a href="./oral_sessions#session4">Session 4</a></b> <br/> <a href="./oral_sessions#kaleidoscope-4">Kaleidoscope 4</a> <br/> 
	<a href="./oral_sessions#Medicine">Medicine</a> <br/> <a href="./oral_sessions#Regression">Regression</a> <br/> <a href="./oral_sessions#Commercial">Commercial Offerings</a>
	<br/> <a href="./oral_sessions#Interactive">Interactive graphics</a>
	</td>
	<td>
	<p><b><a href="./sponsor_session">Sponsor session</a></b> <small>(10:15)</small><br/>
	<a href="./sponsor_session#DataRobot">DataRobot</a></p>
	<p><a href="./sponsor_session#Rstudio">RStudio</a>, 
	<a href="./sponsor_session#Teradata">Teradata</a><br/>
	<a href="./sponsor_session#RA">Revolution Analytics<a><br/></p>
	<div style="font-size: 10.5pt;">
		<a href="./sponsor_session#alteryx">alteryx</a>,
		<a href="./sponsor_session#TIBCO">TIBCO</a>,
		<a href="./sponsor_session#H2O">H<sub>2</sub>O</a>,
		<a href="./sponsor_session#HP">HP</a>
		
	</div>
	</td>
  </tr>
  <tr>
    <td>12.00-13.00</td><td><i>Sandwiches</i></td>
    <td colspan="2" style="text-align: center;"><i>Lunch break (standing buffet)</i></td>
    <td><em>Break: 12:00 - 12:30</em><br/><a href="./invited_talks#lauritzen">Steffen Lauritzen</a> <small><em>(12:30)</em></small></td>
  <tr>
    <td>13.00-14.30</td><td rowspan="4" style="vertical-align: middle;">
    <a href="./tutorials#afternoon">Afternoon Tutorials</a><br/><i>incl. coffee break</i></td>
    	<td>
	<b><a href="./oral_sessions#session2">Session 2</a></b><br/>
	<a href="./oral_sessions#kaleidoscope-2">Kaleidoscope 2</a> <br/> <a href="./oral_sessions#Casestudy">Case study</a> <br/> <a href="./oral_sessions#Clustering">Clustering</a>
	<br/> <a href="./oral_sessions#Datamanagement">Data Management</a> <br/> <a href="./oral_sessions#Computational">Computational Performance</a>
	</td>
	<td>
	<b><a href="./oral_sessions#session5">Session 5</a></b> <br/> <a href="./oral_sessions#kaleidoscope-5">Kaleidoscope 5</a> <br/> <a href="./oral_sessions#Teaching1">Teaching 1</a>
	<br/> <a href="./oral_sessions#Methodology1">Statistical Methodology 1</a> <br/> <a href="./oral_sessions#ML1">Machine Learning 1</a> <br/> 
	<a href="./oral_sessions#Visualisation1">Visualisation 1</a>
	</td>
    <td style="border-bottom: 1px solid #ddd;">
	<p><em>13:30:</em> Closing remarks</p>
	<p><em>13:45:</em> Grab 'n go lunch</p>
	<p><em>14:00:</em> Conference ends</p></td>
  </tr>		
  <tr>
    <td>14.30-15.00</td>
    <td colspan="2" style="text-align: center;"><i>Coffee break (with cake)</i></td>

  </tr>
  <tr>
    <td>15.00-16.00</td><td><a href="./invited_talks#baddeley">Adrian Baddeley</a></td><td><a href="./invited_talks#holmes">Susan Holmes</a></td>
  </tr>
  <tr>
    <td>16.00-17.30</td>
	<td>
	<b><a href="./oral_sessions#session3">Session 3</a></b> <br/> <a href="./oral_sessions#kaleidoscope-3">Kaleidoscope 3</a> <br/> 
	<a href="./oral_sessions#Business">Business</a> <br/> <a href="./oral_sessions#Spatial">Spatial</a> <br/> <a href="./oral_sessions#Databases">Databases</a> <br/> 
	<i><a href="./lightning_talks">Lightning talks</a></i></a>
	</td>
	<td>
	<b><a href="./oral_sessions#session6">Session 6</a></b> <br/> <a href="./oral_sessions#kaleidoscope-6">Kaleidoscope 6</a> <br/> 
	<a href="./oral_sessions#Teaching2">Teaching 2</a> <br/> <a 	href="./oral_sessions#Methodology2">Statistical Methodology 2</a> <br/> 
	<a href="./oral_sessions#ML2">Machine Learning 2</a> <br/> <a href="./oral_sessions#Visualisation2">Visualisation 2</a>
	</td>
  </tr>		
  <tr><td colspan="4">&nbsp;</td></tr>
  <tr>
    <td>Evening</td><td>Welcome reception<br/><em>(19:00 - 22:00)</em></td>
    <td>Poster session, drinks and buffet<br/><em>(18:00 - 21:00)</em></td>
    <td>Conference dinner<br/><em>(18:00 - 23:00)</em></td>
  </tr>
  </tbody>
</table>


